using System.ComponentModel.DataAnnotations;

namespace Orleans.Render.Api;

/// <summary>
/// Bound from the <c>Limits</c> configuration section: how much a request's <c>params</c> may carry, so one text value
/// cannot make a render's text layout or a movie's binding unbounded.
/// </summary>
public sealed class InputLimitsOptions
{
    public const string Section = "Limits";

    /// <summary>The most params one request may give; more is 422 <c>too_many_params</c>.</summary>
    [Range(1, 10_000)]
    public int MaxParams { get; set; } = 200;

    /// <summary>The longest value of one param, in characters; longer is 422 <c>param_too_long</c> naming it.</summary>
    [Range(1, 1_000_000)]
    public int MaxParamLength { get; set; } = 10_000;

    /// <summary>The most characters all params' names and values may add up to; more is 413 <c>params_too_large</c>.</summary>
    [Range(1, 10_000_000)]
    public int MaxParamsLength { get; set; } = 100_000;
}
