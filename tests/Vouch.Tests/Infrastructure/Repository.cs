namespace Vouch.Tests.Infrastructure;

/// <summary>Where the repository is, for tests that run its tools (the CLI, the OpenAPI linter).</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Vouch.slnx")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("The tests run outside the repository: Vouch.slnx was not found above " + AppContext.BaseDirectory);
    }
}
