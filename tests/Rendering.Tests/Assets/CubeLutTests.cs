using System.Globalization;
using System.Text;
using Orleans.Render.Rendering.Assets;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Assets;

/// <summary>A .cube file is user input that reaches ffmpeg: only well-formed 3D tables are read, and written anew.</summary>
public sealed class CubeLutTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("cube-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>A size-n table mapping each colour through <paramref name="map"/> (red changing fastest).</summary>
    public static string Table(int n, Func<double, double, double, (double, double, double)> map, string header = "")
    {
        var text = new StringBuilder(header).Append(CultureInfo.InvariantCulture, $"LUT_3D_SIZE {n}\n");
        for (var b = 0; b < n; b++)
        {
            for (var g = 0; g < n; g++)
            {
                for (var r = 0; r < n; r++)
                {
                    var (x, y, z) = map(r / (n - 1.0), g / (n - 1.0), b / (n - 1.0));
                    text.Append(CultureInfo.InvariantCulture, $"{x:0.######} {y:0.######} {z:0.######}\n");
                }
            }
        }

        return text.ToString();
    }

    private async Task<CubeLut> ReadAsync(string content)
    {
        var path = Path.Combine(folder, "in.cube");
        await File.WriteAllTextAsync(path, content);
        return await CubeLut.ReadAsync(path, "in.cube", CancellationToken.None);
    }

    [Fact]
    public async Task A_well_formed_table_is_read_and_written_as_a_plain_cube_file()
    {
        var lut = await ReadAsync(Table(3, (r, g, b) => (b, g, r), "# comment\nTITLE \"swap\"\nDOMAIN_MIN 0 0 0\nDOMAIN_MAX 1 1 1\n\n"));
        var written = Path.Combine(folder, "out.cube");
        await lut.WriteAsync(written, CancellationToken.None);

        Assert.Equal(3, lut.Size);
        var lines = await File.ReadAllLinesAsync(written);
        Assert.Equal("LUT_3D_SIZE 3", lines[0]);
        Assert.Equal(28, lines.Length);
        Assert.Equal("0 0 0.5", lines[2]);
        Assert.Equal(3, (await ReadAsync(await File.ReadAllTextAsync(written))).Size);
    }

    [Theory]
    [InlineData("LUT_1D_SIZE 4\n0 0 0\n", "line 1")]
    [InlineData("LUT_3D_SIZE 1\n0 0 0\n", "2–65")]
    [InlineData("LUT_3D_SIZE 300\n", "2–65")]
    [InlineData("0 0 0\nLUT_3D_SIZE 2\n", "line 1")]
    [InlineData("LUT_3D_SIZE 2\nDOMAIN_MIN 0 0 0\nDOMAIN_MAX 2 2 2\n", "line 3")]
    [InlineData("LUT_3D_SIZE 2\n0 0 0\nTITLE \"late\"\n", "line 3")]
    [InlineData("LUT_3D_SIZE 2\n0 0 0\n1 1 1\n", "2 entries, not 2³ = 8")]
    [InlineData("LUT_3D_SIZE 2\n0 0 0 0\n", "line 2")]
    [InlineData("LUT_3D_SIZE 2\n0 0 NaN\n", "not a number")]
    [InlineData("LUT_3D_SIZE 2\n0 0 1e999\n", "not a number")]
    [InlineData("TITLE \"x\"\n", "no LUT_3D_SIZE")]
    [InlineData("", "no LUT_3D_SIZE")]
    public async Task Anything_but_a_3d_table_is_refused(string content, string message)
    {
        var refused = await Assert.ThrowsAsync<RenderInputException>(() => ReadAsync(content));

        Assert.Equal("lut_invalid", refused.Code);
        Assert.Contains(message, refused.Message);
    }

    [Fact]
    public async Task Extra_entries_and_oversized_files_are_refused()
    {
        var extra = await Assert.ThrowsAsync<RenderInputException>(() => ReadAsync(Table(2, (r, g, b) => (r, g, b)) + "0 0 0\n"));
        Assert.Contains("more than 2³", extra.Message);

        var path = Path.Combine(folder, "big.cube");
        await using (var file = File.Create(path))
        {
            file.SetLength(CubeLut.MaxBytes + 1);
        }

        var big = await Assert.ThrowsAsync<RenderInputException>(() => CubeLut.ReadAsync(path, "big.cube", CancellationToken.None));
        Assert.Contains("larger than", big.Message);
    }

    [Fact]
    public async Task Values_outside_the_unit_range_are_clipped()
    {
        var lut = await ReadAsync(Table(2, (r, g, b) => (r * 2 - 0.5, g, b)));
        var written = Path.Combine(folder, "out.cube");
        await lut.WriteAsync(written, CancellationToken.None);

        var lines = await File.ReadAllLinesAsync(written);
        Assert.Equal("0 0 0", lines[1]);
        Assert.Equal("1 0 0", lines[2]);
    }
}
