using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace Orleans.Render.Api.Http;

/// <summary>
/// Turns what escapes an endpoint into the JSON error shape: an unreachable cluster is 503, a malformed request 400,
/// anything else 500 without internals.
/// </summary>
public sealed class ErrorHandlingMiddleware(RequestDelegate next, ILogger<ErrorHandlingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            var result = ex switch
            {
                OrleansMessageRejectionException or SiloUnavailableException or ConnectionFailedException or TimeoutException =>
                    ApiErrors.Error(StatusCodes.Status503ServiceUnavailable, "cluster_unavailable", "No render silo is reachable right now; try again shortly."),
                BadHttpRequestException bad =>
                    ApiErrors.Error(bad.StatusCode, "bad_request", bad.Message),
                _ => null,
            };
            if (result is null)
            {
                logger.LogError(ex, "Unhandled error for {Method} {Path}", context.Request.Method, context.Request.Path);
                result = ApiErrors.Error(StatusCodes.Status500InternalServerError, "internal_error", "The server failed to handle the request.");
            }
            else
            {
                logger.LogWarning("{Method} {Path} failed: {Error}", context.Request.Method, context.Request.Path, ex.Message);
            }

            await result.ExecuteAsync(context);
        }
    }
}
