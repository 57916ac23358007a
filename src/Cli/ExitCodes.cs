using System.Net;
using Orleans.Render.Client;

namespace Orleans.Render.Cli;

/// <summary>What <c>orender</c> exits with, for scripts (docs/client.md lists them). One home: every command maps through here.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Something unexpected (a bug, a file that cannot be written).</summary>
    public const int Error = 1;

    /// <summary>The command line is wrong: unknown command or option, a missing argument, a bad <c>name=value</c> or CSV.</summary>
    public const int Usage = 2;

    /// <summary>The movie is invalid: <c>validate</c> found errors, or <c>movie put</c> was refused with its problems.</summary>
    public const int Invalid = 3;

    /// <summary>The API refused the request (4xx): an unknown project, movie, token or asset, a bad body, a full queue.</summary>
    public const int Refused = 4;

    /// <summary>The render, or a task of the batch, failed or was cancelled.</summary>
    public const int RenderFailed = 5;

    /// <summary>The API could not be reached, or answered 5xx (no silo reachable, say).</summary>
    public const int Unavailable = 6;

    /// <summary>The management key is missing or wrong (401, 403).</summary>
    public const int Unauthorized = 7;

    /// <summary>Interrupted (Ctrl-C), as shells count SIGINT.</summary>
    public const int Interrupted = 130;

    public static int For(Exception exception) => exception switch
    {
        RenderApiException { StatusCode: HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden } => Unauthorized,
        RenderApiException { Error: "invalid_movie" } => Invalid,
        RenderApiException { StatusCode: >= HttpStatusCode.InternalServerError } => Unavailable,
        RenderApiException => Refused,
        HttpRequestException => Unavailable,
        OperationCanceledException => Interrupted,
        UsageException => Usage,
        _ => Error,
    };
}

/// <summary>A command line that parsed but makes no sense (a param without <c>=</c>, a ragged CSV).</summary>
public sealed class UsageException : Exception
{
    public UsageException()
        : base("The command line is wrong.")
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
