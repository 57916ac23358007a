namespace Orleans.Render.Grains.Uploads;

/// <summary>
/// How one callback call went: <see cref="Delivered"/> on a 2xx; <see cref="Refusal"/> when no other try can help (a
/// refused address, a 4xx); else <see cref="Error"/> says why another try may. <see cref="StatusCode"/> is null when no
/// answer came.
/// </summary>
public sealed record CallbackAnswer(bool Delivered, int? StatusCode, string? Error, string? Refusal);
