using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orleans.Render.Client;

/// <summary>Sends the API's requests and turns its error answers into <see cref="RenderApiException"/>s; the one place that knows the error shape.</summary>
internal sealed class ApiTransport(HttpClient http, RenderClientOptions options)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public HttpClient Http => http;

    /// <summary>A request to a path of the API; <paramref name="management"/> for the Project API.</summary>
    public HttpRequestMessage Request(HttpMethod method, string path, bool management = false, HttpContent? content = null) =>
        Request(method, new Uri(path, UriKind.Relative), management, content);

    /// <summary>
    /// The management key goes only to the Project API, a render key only to the render API. Without the key a call
    /// needs, the API answers 401 <c>unauthorized</c>, which says what is missing.
    /// </summary>
    public HttpRequestMessage Request(HttpMethod method, Uri uri, bool management = false, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, uri) { Content = content };
        if (management && !string.IsNullOrEmpty(options.ManagementKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(options.ManagementKey)));
        }
        else if (!management && !string.IsNullOrEmpty(options.RenderKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.RenderKey);
        }

        return request;
    }

    public static JsonContent JsonBody(object body) => JsonContent.Create(body, body.GetType(), options: Json);

    /// <summary>Sends and answers the response once it is a success; the caller disposes it.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        using (request)
        {
            var response = await http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                using (response)
                {
                    throw await ErrorOfAsync(response, cancellationToken).ConfigureAwait(false);
                }
            }

            return response;
        }
    }

    public async Task<T> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken).ConfigureAwait(false)
            ?? throw new RenderApiException(response.StatusCode, "empty_answer", $"{request.RequestUri} answered no JSON.");
    }

    public async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken, bool management = false) =>
        await SendAsync<T>(Request(HttpMethod.Get, path, management), cancellationToken).ConfigureAwait(false);

    public async Task SendAndForgetAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<RenderApiException> ErrorOfAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        try
        {
            var body = JsonSerializer.Deserialize<ErrorBody>(text, Json);
            if (body?.Error is { } error)
            {
                return new RenderApiException(response.StatusCode, error, body.Message ?? error, body.Problems, retryAfter);
            }
        }
        catch (JsonException)
        {
            // Not the API's error shape (a proxy's page, say): the status tells what is known.
        }

        var reason = response.ReasonPhrase ?? response.StatusCode.ToString();
        return new RenderApiException(response.StatusCode, $"http_{(int)response.StatusCode}", $"The server answered {(int)response.StatusCode} {reason}.", null, retryAfter);
    }

    /// <summary>The path with its segment escaped, so a name cannot step into another route.</summary>
    public static string Escape(string segment) => Uri.EscapeDataString(segment);

    private sealed record ErrorBody(string? Error, string? Message, IReadOnlyList<MovieProblem>? Problems);
}

