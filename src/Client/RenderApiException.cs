using System.Net;

namespace Orleans.Render.Client;

/// <summary>
/// The API answered with an error: its status, and the <c>{"error", "message"}</c> body every endpoint answers with
/// (<see cref="Problems"/> too when a movie was refused with the paths of its problems).
/// </summary>
public sealed class RenderApiException : Exception
{
    public RenderApiException(HttpStatusCode statusCode, string error, string message, IReadOnlyList<MovieProblem>? problems = null, TimeSpan? retryAfter = null)
        : base(message)
    {
        StatusCode = statusCode;
        Error = error;
        Problems = problems ?? [];
        RetryAfter = retryAfter;
    }

    public RenderApiException()
        : this(HttpStatusCode.InternalServerError, "unknown", "The API answered with an error.")
    {
    }

    public RenderApiException(string message)
        : this(HttpStatusCode.InternalServerError, "unknown", message)
    {
    }

    public RenderApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = HttpStatusCode.InternalServerError;
        Error = "unknown";
        Problems = [];
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>The error code, e.g. <c>unknown_token</c>, <c>invalid_movie</c>, <c>queue_full</c>.</summary>
    public string Error { get; }

    public IReadOnlyList<MovieProblem> Problems { get; }

    /// <summary>When the API said to ask again (<c>Retry-After</c>), if it did.</summary>
    public TimeSpan? RetryAfter { get; }
}
