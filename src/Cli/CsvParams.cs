using System.Text;

namespace Orleans.Render.Cli;

/// <summary>
/// A CSV of params for <c>orender batch</c>: the header row names the params, each further row is one task. Fields
/// follow RFC 4180 (commas, quotes doubled inside quoted fields, line breaks inside quotes); blank lines are skipped.
/// </summary>
public static class CsvParams
{
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rows = Rows(text).Where(r => r is not [""]).ToList();
        if (rows.Count == 0)
        {
            throw new UsageException("The CSV is empty: its first row must name the params.");
        }

        var header = rows[0].Select(h => h.Trim()).ToList();
        if (header.Any(string.IsNullOrEmpty) || header.Distinct(StringComparer.Ordinal).Count() != header.Count)
        {
            throw new UsageException("The CSV's first row must name each param once, with no empty name.");
        }

        return [.. rows.Skip(1).Select((row, i) => row.Count == header.Count
            ? (IReadOnlyDictionary<string, string>)header.Zip(row).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal)
            : throw new UsageException($"CSV row {i + 2} has {row.Count} fields; the header has {header.Count}."))];
    }

    private static IEnumerable<List<string>> Rows(string text)
    {
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(field.ToString());
                field.Clear();
                yield return row;
                row = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new UsageException("The CSV ends inside a quoted field.");
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            yield return row;
        }
    }
}
