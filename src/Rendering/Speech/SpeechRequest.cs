using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Orleans.Render.Rendering.Speech;

/// <summary>
/// Text to speak, bound (no variables left): plain text, or SSML when <c>Ssml</c> (a checked <c>&lt;speak&gt;</c>
/// document, see <see cref="SsmlDocument"/>), in <c>Voice</c> (null: the provider's default voice).
/// </summary>
public sealed partial record SpeechRequest
{
    /// <summary>The longest text spoken, in characters (SSML counts its markup).</summary>
    public const int MaxCharacters = 5000;

    private SpeechRequest(string text, string? voice, bool ssml)
    {
        Text = text;
        Voice = voice;
        Ssml = ssml;
    }

    public string Text { get; }

    public string? Voice { get; }

    public bool Ssml { get; }

    /// <summary>
    /// Checks bound text and voice: a text that starts with <c>&lt;speak</c> is SSML and must pass <see cref="SsmlDocument"/>;
    /// a voice is a plain name. Problems are input errors (422 <c>speech_invalid</c>).
    /// </summary>
    public static SpeechRequest Create(string text, string? voice)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            throw new RenderInputException("speech_invalid", "The text to speak is empty.");
        }

        if (trimmed.Length > MaxCharacters)
        {
            throw new RenderInputException("speech_invalid", $"The text to speak is longer than {MaxCharacters} characters.");
        }

        if (voice is not null && !VoicePattern().IsMatch(voice))
        {
            throw new RenderInputException(
                "speech_invalid", "A voice is a name of 1–64 letters, digits, '-', '_' or '+' that starts with a letter.");
        }

        var ssml = IsSsml(trimmed);
        return new SpeechRequest(ssml ? SsmlDocument.Check(trimmed) : trimmed, voice, ssml);
    }

    public static bool IsSsml(string text) => text.TrimStart().StartsWith("<speak", StringComparison.Ordinal);

    /// <summary>A short stable name for messages and cache keys: the voice and a hash of the text.</summary>
    public override string ToString() =>
        $"speech:{Voice ?? "default"}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes((Ssml ? "ssml|" : "text|") + Text)))[..24]}";

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_+-]{0,63}$")]
    private static partial Regex VoicePattern();
}
