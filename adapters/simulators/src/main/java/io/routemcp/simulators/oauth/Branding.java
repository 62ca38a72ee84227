package io.routemcp.simulators.oauth;

/**
 * How a provider's browser pages look: its name in the header and title, the logo's inner HTML,
 * and a theme of CSS that sets the variables {@link ConsentPage}'s layout uses ({@code --font},
 * {@code --page}, {@code --text}, {@code --bar}, {@code --bar-text}, {@code --bar-line},
 * {@code --muted}, {@code --line}, {@code --code}, {@code --accent}, {@code --alert},
 * {@code --radius}, {@code --control-radius}) and styles {@code header .logo}.
 */
public record Branding(String product, String logo, String theme) {}
