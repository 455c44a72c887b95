namespace ServerlessShield.Cli.Audit;

// Finds the configuration files under a folder (or takes one file), recognises each by name and shape, and runs the
// checks that fit. Files it does not recognise are skipped; files it recognises but cannot parse are reported.
internal static class FolderAuditor
{
    private static readonly string[] SkippedFolders = ["bin", "obj", "node_modules", ".git", ".aws-sam", ".vs", ".idea"];
    private static readonly string[] Extensions = [".json", ".yaml", ".yml", ".template"];

    public static AuditRun Run(string path)
    {
        var root = Path.GetFullPath(path);
        var files = File.Exists(root) ? [root] : Directory.Exists(root) ? Expand(root).ToList()
            : throw new FileNotFoundException($"{path} does not exist.", path);
        var baseFolder = File.Exists(root) ? Path.GetDirectoryName(root)! : root;

        var findings = new List<AuditFinding>();
        var errors = new List<string>();
        var audited = 0;
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(baseFolder, file).Replace('\\', '/');
            ConfigNode document;
            try
            {
                document = ConfigFileReader.Read(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException
                or YamlDotNet.Core.YamlException or System.Text.Json.JsonException)
            {
                // A file named like configuration that does not parse is worth saying; other unparsable files are not ours.
                if (IsKnownName(file))
                {
                    errors.Add($"{relative}: {ex.GetType().Name}: {FirstLine(ex.Message)}");
                }

                continue;
            }

            var fileFindings = Audit(file, document).ToList();
            if (fileFindings is not [] || IsKnownName(file) || TemplateAudit.IsTemplate(document) || document.Get("Statement") is not null)
            {
                audited++;
            }

            findings.AddRange(fileFindings.Select(f => f with { File = relative }));
        }

        return new AuditRun(findings, audited, errors);
    }

    private static IEnumerable<AuditFinding> Audit(string file, ConfigNode document)
    {
        var name = Path.GetFileName(file);
        if (name.Equals("local.settings.json", StringComparison.OrdinalIgnoreCase))
        {
            return AzureFilesAudit.LocalSettings(document);
        }

        if (name.Equals("host.json", StringComparison.OrdinalIgnoreCase))
        {
            return AzureFilesAudit.DeployedSettings(document, inCloud: true);
        }

        if (name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return AzureFilesAudit.DeployedSettings(document, inCloud: !name.Contains("Development", StringComparison.OrdinalIgnoreCase));
        }

        if (name.Equals("function.json", StringComparison.OrdinalIgnoreCase))
        {
            return AzureFilesAudit.FunctionJson(document, Path.GetFileName(Path.GetDirectoryName(file)) ?? "function");
        }

        if (TemplateAudit.IsTemplate(document))
        {
            return TemplateAudit.Check(document);
        }

        if (document.Kind == ConfigNodeKind.Map && document.Get("Statement") is not null)
        {
            return IamPolicyAudit.Check(document, Path.GetFileNameWithoutExtension(file));
        }

        return [];
    }

    private static bool IsKnownName(string file) => Path.GetFileName(file).ToUpperInvariant() is "LOCAL.SETTINGS.JSON" or "HOST.JSON" or "FUNCTION.JSON"
        or "TEMPLATE.YAML" or "TEMPLATE.YML" or "TEMPLATE.JSON";

    private static IEnumerable<string> Expand(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            if (Extensions.Any(e => file.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            {
                yield return file;
            }
        }

        foreach (var sub in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
        {
            if (!SkippedFolders.Contains(Path.GetFileName(sub), StringComparer.OrdinalIgnoreCase))
            {
                foreach (var file in Expand(sub))
                {
                    yield return file;
                }
            }
        }
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}

// The result of one offline audit.
internal sealed record AuditRun(IReadOnlyList<AuditFinding> Findings, int FilesAudited, IReadOnlyList<string> Errors);
