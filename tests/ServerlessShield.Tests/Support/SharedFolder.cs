namespace ServerlessShield.Tests.Support;

// Finds the repository root and ../shared beside it. ../shared exists on the team's machines and in CI, not in a
// user's clone, so tests that read it skip with a visible message when it is absent.
internal static class SharedFolder
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string? Path { get; } = FindShared();

    public static string Require(string relative)
    {
        var path = Path is null ? null : System.IO.Path.Combine(Path, relative);
        Skip.If(path is null || !(Directory.Exists(path) || File.Exists(path)),
            $"../shared/{relative} is not present (it ships with the team's workspace, not with the repository); skipping.");
        return path!;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ServerlessShield.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ServerlessShield.sln not found above the test folder.");
    }

    private static string? FindShared()
    {
        var shared = System.IO.Path.Combine(Directory.GetParent(RepoRoot)?.FullName ?? RepoRoot, "shared");
        return Directory.Exists(shared) ? shared : null;
    }
}
