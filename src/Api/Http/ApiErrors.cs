namespace Orleans.Render.Api.Http;

/// <summary>The one error shape every endpoint answers with: <c>{"error": "code", "message": "sentence"}</c>.</summary>
public static class ApiErrors
{
    public static IResult Error(int status, string error, string message) =>
        Results.Json(new ErrorBody(error, message), statusCode: status);

    public static IResult BadRequest(string error, string message) => Error(StatusCodes.Status400BadRequest, error, message);

    public static IResult NotFound(string error, string message) => Error(StatusCodes.Status404NotFound, error, message);

    /// <summary>An error that tells the client when to ask again (<c>Retry-After</c>, in seconds).</summary>
    public static IResult RetryLater(int status, string error, string message, int retryAfterSeconds) =>
        new RetryAfterResult(Error(status, error, message), Math.Max(1, retryAfterSeconds));

    public sealed record ErrorBody(string Error, string Message);

    private sealed class RetryAfterResult(IResult inner, int seconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
