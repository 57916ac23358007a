using System.Globalization;

namespace Orleans.Render.Api.Http;

/// <summary>Applies <see cref="InputLimitsOptions"/> to a request's params, wherever they came from (a body or a query string).</summary>
public static class ParamLimits
{
    /// <summary>Null when the params are within the limits, else the error naming the first param over them.</summary>
    public static IResult? Check(IReadOnlyDictionary<string, string> parameters, InputLimitsOptions limits)
    {
        if (parameters.Count > limits.MaxParams)
        {
            return ApiErrors.Error(
                StatusCodes.Status422UnprocessableEntity, "too_many_params", Invariant($"A request may give at most {limits.MaxParams} params; this one gives {parameters.Count}."));
        }

        long total = 0;
        foreach (var (name, value) in parameters)
        {
            if (value.Length > limits.MaxParamLength)
            {
                return ApiErrors.Error(
                    StatusCodes.Status422UnprocessableEntity,
                    "param_too_long",
                    Invariant($"The param '{Short(name)}' is {value.Length} characters long; a param may be at most {limits.MaxParamLength}."));
            }

            total += name.Length + value.Length;
        }

        return total > limits.MaxParamsLength
            ? ApiErrors.Error(
                StatusCodes.Status413PayloadTooLarge,
                "params_too_large",
                Invariant($"The params add up to {total} characters (names and values); at most {limits.MaxParamsLength} are allowed."))
            : null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Short(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
