namespace ServerlessShield.AwsLambda.AotTests.Support;

// The checkout the tests run from: the folder above the test binaries that holds the solution.
internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ServerlessShield.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No ServerlessShield.sln above {AppContext.BaseDirectory}.");
    }
}
