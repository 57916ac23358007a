using System.Globalization;
using System.Net.Http.Headers;
using Orleans.Render.Models.Uploads;

namespace Orleans.Render.Grains.Uploads;

/// <summary>
/// PUTs the output as the body, or POSTs it as a multipart form field, to the caller's URL. Every request carries an
/// <c>Idempotency-Key</c> (the upload's key) so a receiver can tell a repeat after a crash from a new upload; a PUT
/// to the same URL overwrites by definition. The result is the <c>Location</c> the server answered, else its status.
/// </summary>
public sealed class HttpUploader(UploadHttp http) : IUploader
{
    public string Type => UploadDestinationTypes.Http;

    public async Task<string> UploadAsync(UploadDestination destination, UploadSource source, UploadSession session, CancellationToken cancellationToken)
    {
        var target = (HttpDestination)destination;
        var body = new StreamContent(new NonClosingStream(source.Content));
        body.Headers.ContentType = MediaTypeHeaderValue.Parse(target.ContentType ?? source.ContentType);
        body.Headers.ContentLength = source.Length;
        HttpContent content = body;
        if (target.Method == "POST")
        {
            var form = new MultipartFormDataContent();
            form.Add(body, target.Field, target.Filename ?? source.FileName);
            content = form;
        }

        using var request = new HttpRequestMessage(new HttpMethod(target.Method), target.Url) { Content = content };
        request.Headers.Add("Idempotency-Key", source.UploadKey);
        foreach (var (name, value) in target.Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var response = await http.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var status = (int)response.StatusCode;
        if (!response.IsSuccessStatusCode)
        {
            throw new UploadFailedException($"{new Uri(target.Url).Host} answered HTTP {status}.", UploadFailedException.IsPermanentStatus(status));
        }

        return response.Headers.Location is { } location
            ? new Uri(new Uri(target.Url), location).AbsoluteUri
            : status.ToString(CultureInfo.InvariantCulture);
    }
}
