namespace Orleans.Render.TestSupport.Fuzzing;

/// <summary>The values an attacker tries first: edge numbers, broken text, private and odd URLs, paths, injections.</summary>
public static class HostileValues
{
    public static readonly string[] Numbers =
    [
        "0", "-0", "-1", "1e308", "-1e308", "1e400", "-1e400", "1e-400", "2147483647", "2147483648", "-2147483649",
        "9223372036854775808", "4.9e-324", "0.0000001", "1.5", "99999999999999999999999999999", "3840", "3841", "16", "601",
    ];

    public static readonly string[] Strings =
    [
        "", " ", "\\u0000", "\\ud800", "\\udfff", "\\ud800\\u0041", "\\r\\nX-Injected: 1", "\\t\\b\\f", "NaN", "Infinity", "-Infinity",
        "${", "${x", "${x}", "${x, ${y}}", "$${x}", "auto", "choice", "../../etc/passwd", "/etc/passwd", "..", "C:\\\\Windows",
        "http://127.0.0.1/", "http://localhost:8080/x", "http://169.254.169.254/latest/meta-data/", "http://[::1]/",
        "http://[::ffff:127.0.0.1]/", "http://2130706433/", "http://0x7f.1/", "http://0177.0.0.1/", "http://10.0.0.1/",
        "http://metadata/", "http://metadata.google.internal/", "https://a.localhost/", "http://user:pass@example.com/",
        "file:///etc/passwd", "gopher://127.0.0.1:6379/_INFO", "data:text/plain,hi", "javascript:alert(1)", "ftp://example.com/",
        "https://example.com/ok?x=1\\r\\nHost: evil", "https://example.com/%0d%0aX: y", "http://[fe80::1%25eth0]/",
        "#zzzzzz", "#12345", "rgba(1,2,3)", "mp4", "MP4", "*", "default", "gpu", "s3", "azureblob", "http", "youtube",
        "\\u202e\\u0661\\u0662", "\\ufeff", "\\uffff", "é", "😀", "<movie/>", "<!DOCTYPE x [<!ENTITY e SYSTEM \\\"file:///etc/passwd\\\">]>",
    ];

    /// <summary>The <paramref name="index"/>th of <see cref="Strings"/> as text (a param value), escapes decoded where they can be.</summary>
    public static string Decoded(int index)
    {
        var escaped = Strings[index % Strings.Length];
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<string>($"\"{escaped}\"") ?? "";
        }
        catch (System.Text.Json.JsonException)
        {
            return escaped; // An unpaired surrogate escape has no text form.
        }
    }

    /// <summary>A string of <paramref name="length"/> characters, for size limits.</summary>
    public static string Text(int length, char fill = 'a') => new(fill, length);
}
