namespace Orleans.Render.TestSupport;

/// <summary>Finds the repository from a test's output folder, so fixtures can start the real silo, API and Azurite.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The built assembly of a project under <c>src/</c>, in the same configuration as the running tests.</summary>
    public static string BuiltAssembly(string project, string assembly)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var path = Path.Combine(Root, "src", project, "bin", configuration, "net10.0", "linux-x64", assembly + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build {project} first; {path} is missing.", path);
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Orleans.Render.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Orleans.Render.sln not found above " + AppContext.BaseDirectory);
    }
}
