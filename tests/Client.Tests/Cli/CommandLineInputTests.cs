using Orleans.Render.Cli;
using Xunit;

namespace Orleans.Render.Client.Tests.Cli;

/// <summary>The CLI's readers of user input: <c>-p name=value</c> and the batch CSV.</summary>
public sealed class CommandLineInputTests
{
    [Fact]
    public void Params_split_at_the_first_equals_sign_and_keep_the_rest_as_the_value()
    {
        var parsed = Parameters.Parse(["name=Alex", "sum=1+1=2", "empty="]);
        Assert.Equal(new Dictionary<string, string> { ["name"] = "Alex", ["sum"] = "1+1=2", ["empty"] = "" }, parsed);
    }

    [Theory]
    [InlineData("no-equals")]
    [InlineData("=value")]
    public void A_param_without_a_name_is_a_usage_error(string pair) =>
        Assert.Throws<UsageException>(() => Parameters.Parse([pair]));

    [Fact]
    public void A_param_given_twice_is_a_usage_error() =>
        Assert.Throws<UsageException>(() => Parameters.Parse(["a=1", "a=2"]));

    [Fact]
    public void Csv_rows_follow_rfc_4180_quotes_commas_and_line_breaks()
    {
        var rows = CsvParams.Parse("name,colour\r\n\"Smith, Jo\",\"#ff0000\"\r\n\"say \"\"hi\"\"\",\"two\nlines\"\r\n\r\nlast,row");

        Assert.Equal(3, rows.Count);
        Assert.Equal(("Smith, Jo", "#ff0000"), (rows[0]["name"], rows[0]["colour"]));
        Assert.Equal(("say \"hi\"", "two\nlines"), (rows[1]["name"], rows[1]["colour"]));
        Assert.Equal(("last", "row"), (rows[2]["name"], rows[2]["colour"]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("name,\nAnn,1")]
    [InlineData("name,name\nAnn,Bo")]
    [InlineData("name,colour\nAnn")]
    [InlineData("name\n\"unclosed")]
    public void A_csv_without_a_proper_header_or_with_ragged_rows_is_a_usage_error(string text) =>
        Assert.Throws<UsageException>(() => CsvParams.Parse(text));
}
