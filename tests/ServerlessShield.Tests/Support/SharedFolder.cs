namespace ServerlessShield.Tests.Support;

// Finds ../shared beside the repository. It exists on the team's machines and in CI, not in a user's clone,
// so tests that read it skip with a visible message when it is absent.
internal static class SharedFolder
{
    public static string? Path { get; } = Find();

    public static string Require(string relative)
    {
        var path = Path is null ? null : System.IO.Path.Combine(Path, relative);
        Skip.If(path is null || !(Directory.Exists(path) || File.Exists(path)),
            $"../shared/{relative} is not present (it ships with the team's workspace, not with the repository); skipping.");
        return path!;
    }

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ServerlessShield.sln")))
            {
                var shared = System.IO.Path.Combine(dir.Parent?.FullName ?? dir.FullName, "shared");
                return Directory.Exists(shared) ? shared : null;
            }
        }

        return null;
    }
}
