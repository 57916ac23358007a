using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Orleans.Render.Rendering.Speech;

/// <summary>
/// A hosted voice behind an HTTP endpoint the operator configures (<see cref="SpeechOptions.HttpUrl"/>): each request is
/// POSTed as JSON <c>{"text", "voice", "ssml"}</c> and the answer's body is the audio (any format ffmpeg reads). An
/// adapter in front of a cloud voice (Amazon Polly, Azure, Google) speaks this. No redirects are followed, the answer
/// is bounded by <see cref="SpeechOptions.MaxBytes"/> and the call by <see cref="SpeechOptions.Timeout"/>.
/// </summary>
public sealed class HttpSpeechProvider : ISpeechProvider, IDisposable
{
    private readonly SpeechOptions options;
    private readonly HttpClient client;

    public HttpSpeechProvider(SpeechOptions options)
    {
        this.options = options;
        client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        if (options.HttpAuthorization is { Length: > 0 } authorization)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Orleans.Render", null));
    }

    public string Identity => $"http {options.HttpUrl!.AbsoluteUri}";

    public async Task SynthesizeAsync(SpeechRequest request, string outputPath, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        try
        {
            using var response = await client.PostAsJsonAsync(
                options.HttpUrl, new { text = request.Text, voice = request.Voice, ssml = request.Ssml }, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new RenderInputException("speech_failed", $"The voice service answered HTTP {(int)response.StatusCode}.");
            }

            if (response.Content.Headers.ContentLength > options.MaxBytes)
            {
                throw new RenderInputException("speech_failed", $"The voice service's audio is larger than {options.MaxBytes} bytes.");
            }

            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            await using var file = File.Create(outputPath);
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = await body.ReadAsync(buffer, timeout.Token)) > 0)
            {
                total += read;
                if (total > options.MaxBytes)
                {
                    throw new RenderInputException("speech_failed", $"The voice service's audio is larger than {options.MaxBytes} bytes.");
                }

                await file.WriteAsync(buffer.AsMemory(0, read), timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RenderInputException("speech_failed", $"The voice service did not answer within {options.Timeout.TotalSeconds:0.#} s.");
        }
        catch (HttpRequestException)
        {
            throw new RenderInputException("speech_failed", "The voice service could not be reached.");
        }
    }

    public void Dispose() => client.Dispose();
}
