using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orleans.Render.TestSupport.Fuzzing;

/// <summary>
/// Turns a valid JSON document into a hostile variant: a few structural changes (values swapped for edge numbers,
/// broken strings, odd URLs, deep nesting, long text, members removed, added or repeated), then, sometimes, a few
/// byte-level ones (invalid UTF-8, encoded surrogates, cuts). Deterministic for a given <see cref="Random"/>.
/// </summary>
public sealed class JsonMutator(IReadOnlyList<string> seeds)
{
    private const int MaxDocument = 1024 * 1024;

    private readonly string[] names = [.. seeds.SelectMany(MemberNames).Distinct(StringComparer.Ordinal)];

    public byte[] Next(Random random)
    {
        var root = JsonNode.Parse(seeds[random.Next(seeds.Count)])!;
        var raw = new List<string>();
        for (var i = random.Next(1, 5); i > 0; i--)
        {
            root = Mutate(root, random, raw);
        }

        var text = root.ToJsonString();
        if (text.Length > 2 * MaxDocument)
        {
            text = text[..(2 * MaxDocument)]; // Cut: big enough to pass every size limit, small enough to stay fast.
        }

        for (var i = 0; i < raw.Count; i++)
        {
            text = text.Replace(JsonSerializer.Serialize(Placeholder(i)), raw[i], StringComparison.Ordinal);
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        return random.NextDouble() < 0.25 ? ByteMutator.Mutate(bytes, random) : bytes;
    }

    private JsonNode Mutate(JsonNode root, Random random, List<string> raw)
    {
        var nodes = new List<JsonNode> { root };
        for (var i = 0; i < nodes.Count && nodes.Count < 5000; i++)
        {
            nodes.AddRange(Children(nodes[i]));
        }

        var target = nodes[random.Next(nodes.Count)];
        JsonNode? replacement = random.Next(10) switch
        {
            0 or 1 => Raw(HostileValues.Numbers[random.Next(HostileValues.Numbers.Length)], raw),
            2 or 3 => Raw($"\"{HostileValues.Strings[random.Next(HostileValues.Strings.Length)]}\"", raw),
            4 => Raw(Nesting(random.Next(2) == 0 ? random.Next(10, 40) : random.Next(40, 3000), random), raw),
            5 => JsonValue.Create(HostileValues.Text(random.Next(20) == 0 ? random.Next(100_000, 1_100_000) : random.Next(1000, 20_000))),
            6 => random.Next(3) switch { 0 => JsonValue.Create(true), 1 => new JsonObject(), _ => new JsonArray() },
            7 => Repeated(nodes[random.Next(nodes.Count)], random.Next(2, 400)),
            _ => null,
        };

        if (random.Next(10) >= 8 && target is JsonObject members)
        {
            // Add a member (a known name, so deeper rules run) or remove one.
            if (members.Count > 0 && random.Next(2) == 0)
            {
                members.Remove(members.ElementAt(random.Next(members.Count)).Key);
            }
            else
            {
                members[names.Length > 0 && random.Next(4) > 0 ? names[random.Next(names.Length)] : Hostile(random)] =
                    Raw(HostileValues.Numbers[random.Next(HostileValues.Numbers.Length)], raw);
            }

            return root;
        }

        return Replace(root, target, replacement ?? Raw("null", raw));
    }

    private static JsonNode Replace(JsonNode root, JsonNode target, JsonNode replacement)
    {
        switch (target.Parent)
        {
            case JsonObject parent:
                parent[target.GetPropertyName()] = replacement;
                return root;
            case JsonArray parent:
                parent[target.GetElementIndex()] = replacement;
                return root;
            default:
                return replacement;
        }
    }

    private static JsonValue Raw(string json, List<string> raw)
    {
        raw.Add(json);
        return JsonValue.Create(Placeholder(raw.Count - 1));
    }

    private static string Placeholder(int index) => string.Create(CultureInfo.InvariantCulture, $"\u0001raw{index}\u0001");

    private static string Nesting(int depth, Random random)
    {
        var (open, close) = random.Next(3) switch { 0 => ("[", "]"), 1 => ("{\"a\":", "}"), _ => ("{\"scenes\":[{\"type\":\"choice\",\"variable\":\"v\",\"cases\":[],\"default\":", "}]}") };
        return string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));
    }

    /// <summary><paramref name="count"/> copies of a node, fewer when that would pass the 1 MiB a request body may hold.</summary>
    private static JsonArray Repeated(JsonNode node, int count)
    {
        count = Math.Max(1, Math.Min(count, MaxDocument / (node.ToJsonString().Length + 1)));
        return [.. Enumerable.Range(0, count).Select(_ => node.DeepClone())];
    }

    private static string Hostile(Random random) => HostileValues.Strings[random.Next(HostileValues.Strings.Length)].Replace("\\", "", StringComparison.Ordinal);

    private static IEnumerable<JsonNode> Children(JsonNode node) => node switch
    {
        JsonObject o => o.Select(p => p.Value).OfType<JsonNode>(),
        JsonArray a => a.OfType<JsonNode>(),
        _ => [],
    };

    private static IEnumerable<string> MemberNames(string json)
    {
        var nodes = new List<JsonNode> { JsonNode.Parse(json)! };
        for (var i = 0; i < nodes.Count; i++)
        {
            if (nodes[i] is JsonObject o)
            {
                foreach (var (name, _) in o)
                {
                    yield return name;
                }
            }

            nodes.AddRange(Children(nodes[i]));
        }
    }
}
