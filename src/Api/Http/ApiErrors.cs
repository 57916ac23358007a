namespace Orleans.Render.Api.Http;

/// <summary>The one error shape every endpoint answers with: <c>{"error": "code", "message": "sentence"}</c>.</summary>
public static class ApiErrors
{
    public static IResult Error(int status, string error, string message) =>
        Results.Json(new ErrorBody(error, message), statusCode: status);

    public static IResult BadRequest(string error, string message) => Error(StatusCodes.Status400BadRequest, error, message);

    public static IResult NotFound(string error, string message) => Error(StatusCodes.Status404NotFound, error, message);

    public sealed record ErrorBody(string Error, string Message);
}
