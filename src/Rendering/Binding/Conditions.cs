namespace Orleans.Render.Rendering.Binding;

/// <summary>
/// Conditions name a param (<c>"condition": "vip"</c>, or <c>"!vip"</c> to invert where allowed). A condition holds when
/// the param is given and truthy: anything except <c>""</c>, <c>false</c>, <c>0</c>, <c>no</c>, <c>off</c> (any case).
/// </summary>
public static class Conditions
{
    private static readonly string[] Falsy = ["", "false", "0", "no", "off"];

    public static bool Holds(string condition, IReadOnlyDictionary<string, string> parameters)
    {
        var inverted = condition.StartsWith('!');
        var name = inverted ? condition[1..] : condition;
        var truthy = parameters.TryGetValue(name, out var value) && !Falsy.Contains(value.Trim(), StringComparer.OrdinalIgnoreCase);
        return truthy != inverted;
    }
}
