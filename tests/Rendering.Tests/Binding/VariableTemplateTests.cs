using Orleans.Render.Rendering.Binding;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Binding;

public sealed class VariableTemplateTests
{
    private static readonly Dictionary<string, string> Params = new() { ["name"] = "alex smith", ["city"] = "Berlin" };

    [Theory]
    [InlineData("Hello ${name}!", "Hello alex smith!")]
    [InlineData("${name,,U}", "ALEX SMITH")]
    [InlineData("${name, x, T}", "Alex Smith")]
    [InlineData("${missing, World}", "World")]
    [InlineData("${missing, 'New York, NY', L}", "new york, ny")]
    [InlineData("${ city }", "Berlin")]
    [InlineData("https://cdn.example.com/q?name=${name,,E}", "https://cdn.example.com/q?name=alex%20smith")]
    [InlineData("https://cdn.example.com/${missing, '../a&b=c/?#', E}.png", "https://cdn.example.com/..%2Fa%26b%3Dc%2F%3F%23.png")]
    [InlineData("${name,,UE}", "ALEX%20SMITH")]
    [InlineData("${name,,A}", "alex smith")]
    [InlineData("${name,,AU}", "ALEX SMITH")]
    [InlineData("no variables, 100% literal \\ : '", "no variables, 100% literal \\ : '")]
    public void Binds_params_defaults_and_options(string template, string expected) =>
        Assert.Equal(expected, VariableTemplate.Parse(template).Bind(Params));

    [Fact]
    public void A_variable_with_neither_param_nor_default_is_an_input_error_naming_it()
    {
        var error = Assert.Throws<RenderInputException>(() => VariableTemplate.Parse("Hi ${who}").Bind(Params));
        Assert.Equal("missing_param", error.Code);
        Assert.Contains("'who'", error.Message);
    }

    [Fact]
    public void Param_values_are_inserted_literally_and_never_re_expanded()
    {
        var values = new Dictionary<string, string> { ["a"] = "${b}", ["b"] = "nope" };
        Assert.Equal("${b}", VariableTemplate.Parse("${a}").Bind(values));
    }

    [Theory]
    [InlineData("${unterminated")]
    [InlineData("${1bad}")]
    [InlineData("${name, d, X}")]
    [InlineData("${a,b,c,d}")]
    public void Rejects_malformed_references(string template) =>
        Assert.False(VariableTemplate.TryParse(template, out _, out var error) || error is null);

    [Fact]
    public void Lists_variables_with_their_defaults()
    {
        var variables = VariableTemplate.Parse("${a} and ${b, two} and ${c,,U}").Variables.ToList();
        Assert.Equal(["a", "b", "c"], variables.Select(v => v.Name));
        Assert.Equal([null, "two", null], variables.Select(v => v.DefaultValue));
    }
}
