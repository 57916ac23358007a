using System.Text.Json;
using Orleans.Render.Rendering.Binding;

namespace Orleans.Render.Rendering.Parsing;

/// <summary>The members that may hold variables: templates, numbers bound per render, variable names and conditions.</summary>
internal sealed partial class ObjectReader
{
    private readonly Dictionary<string, string> numberTemplates = new(StringComparer.Ordinal);

    /// <summary>The numeric members read with <see cref="BindableNumber"/> that hold variables, by member name.</summary>
    public IReadOnlyDictionary<string, string> NumberTemplates => numberTemplates;

    /// <summary>
    /// A number that may also be a string with variables (<c>"${left, 40}"</c>): such a string is kept in
    /// <see cref="NumberTemplates"/> and bound per render, and <paramref name="fallback"/> is returned meanwhile.
    /// A string without variables must hold a number in range.
    /// </summary>
    public double BindableNumber(string member, double fallback, double min, double max, bool wholeNumber = false, bool required = false)
    {
        if (element.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String)
        {
            var text = Template(member, "");
            if (text.Length == 0)
            {
                return fallback;
            }

            if (VariableTemplate.Parse(text).HasVariables)
            {
                numberTemplates[member] = text;
                return fallback;
            }

            if (!double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
                || !double.IsFinite(parsed) || parsed < min || parsed > max || (wholeNumber && parsed != Math.Floor(parsed)))
            {
                Error(member, $"must be a {(wholeNumber ? "whole number" : "number")} between {min} and {max}, or a string with variables.");
                return fallback;
            }

            return parsed;
        }

        return wholeNumber ? Int(member, (int)fallback, (int)min, (int)max, required) : Number(member, fallback, min, max, required);
    }

    public double? OptionalBindableNumber(string member, double min, double max, bool wholeNumber = false) =>
        Has(member) ? BindableNumber(member, min, min, max, wholeNumber) : MarkKnown<double?>(member, null);

    public string? OptionalTemplate(string member) =>
        Has(member) ? Template(member, "") : MarkKnown<string?>(member, null);

    /// <summary>A string that may hold variables; their syntax is checked here.</summary>
    public string Template(string member, string fallback, bool required = false)
    {
        if (!TryGet(member, required, out var value))
        {
            return fallback;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Error(member, "must be a string.");
            return fallback;
        }

        var text = value.GetString()!;
        if (text.Length > MovieLimits.MaxStringLength)
        {
            Error(member, $"is longer than {MovieLimits.MaxStringLength} characters.");
            return fallback;
        }

        if (!VariableTemplate.TryParse(text, out _, out var error))
        {
            Error(member, error!);
            return fallback;
        }

        return text;
    }

    /// <summary>A variable name on its own (no <c>${}</c>), as conditions and choices name them; null when absent.</summary>
    public string? VariableName(string member)
    {
        var name = OptionalString(member);
        if (name is not null && !VariableTemplate.IsName(name))
        {
            Error(member, $"'{name}' is not a variable name (letters, digits, '_', '-' and '.', starting with a letter or '_'; no ${{}}).");
            return null;
        }

        return name;
    }

    /// <summary>A condition: a variable name, or <c>!name</c> for "when it is not given or falsy"; null when absent.</summary>
    public string? Condition(string member)
    {
        var condition = OptionalString(member);
        if (condition is not null && !VariableTemplate.IsName(condition.StartsWith('!') ? condition[1..] : condition))
        {
            Error(member, $"'{condition}' is not a variable name, optionally preceded by '!' (write the name without ${{}}).");
            return null;
        }

        return condition;
    }
}
