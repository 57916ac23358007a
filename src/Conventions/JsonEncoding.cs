using System.Globalization;
using System.Text.Json;

namespace Orleans.Render.Conventions;

/// <summary>
/// The one check that JSON text which parsed is also readable as text: <see cref="JsonDocument"/> accepts invalid UTF-8
/// inside strings and lone surrogate escapes (<c>"\ud800"</c>) and only throws when the string is read, deep inside a
/// reader. Every caller-supplied JSON (request bodies, movies) goes through this right after parsing.
/// </summary>
public static class JsonEncoding
{
    /// <summary>
    /// Null when every string and property name of <paramref name="utf8Json"/> decodes; else a sentence saying where one
    /// does not. Syntax errors are left to the parser (null), so check <see cref="System.Text.Unicode.Utf8.IsValid"/> first.
    /// </summary>
    public static string? FindProblem(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = 1000, CommentHandling = JsonCommentHandling.Skip });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
                {
                    reader.GetString();
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return string.Create(
                CultureInfo.InvariantCulture,
                $"The string at byte {reader.TokenStartIndex} holds an unpaired surrogate escape or invalid UTF-8.");
        }

        return null;
    }
}
