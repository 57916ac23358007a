namespace Orleans.Render.Cli;

/// <summary>Params from the command line: <c>-p name=value</c>, each name once.</summary>
public static class Parameters
{
    public static IReadOnlyDictionary<string, string> Parse(IEnumerable<string>? pairs)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs ?? [])
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new UsageException($"'{pair}' is not name=value.");
            }

            if (!parameters.TryAdd(pair[..equals], pair[(equals + 1)..]))
            {
                throw new UsageException($"The param '{pair[..equals]}' is given twice.");
            }
        }

        return parameters;
    }
}
