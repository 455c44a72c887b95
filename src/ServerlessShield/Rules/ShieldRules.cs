namespace ServerlessShield;

/// <summary>
/// The built-in rules. The README's rule table is generated from this list and a test pins every id and name.
/// </summary>
public static class ShieldRules
{
    /// <summary>SQL injection in a string value.</summary>
    public static ShieldRule SqlInjection { get; } = new(1001, "sql-injection", ShieldSeverity.High, 400, "SQL injection: a value that breaks out of a SQL literal or adds SQL clauses.");

    /// <summary>NoSQL operator injection (<c>$ne</c>, <c>$where</c> and the rest) as keys or inside strings.</summary>
    public static ShieldRule NoSqlInjection { get; } = new(1002, "nosql-injection", ShieldSeverity.High, 400, "NoSQL operator injection: query operators such as $ne or $where supplied as data.");

    /// <summary>Cross-site scripting: markup or script in a value.</summary>
    public static ShieldRule CrossSiteScripting { get; } = new(1003, "cross-site-scripting", ShieldSeverity.High, 400, "Cross-site scripting: active markup, event handlers or script URLs in a value.");

    /// <summary>OS command injection.</summary>
    public static ShieldRule CommandInjection { get; } = new(1004, "command-injection", ShieldSeverity.Critical, 400, "OS command injection: shell metacharacters chaining or substituting commands.");

    /// <summary>Path traversal and local file inclusion.</summary>
    public static ShieldRule PathTraversal { get; } = new(1005, "path-traversal", ShieldSeverity.High, 400, "Path traversal: dot-dot sequences or sensitive system paths in a value.");

    /// <summary>Server-side template injection.</summary>
    public static ShieldRule TemplateInjection { get; } = new(1006, "template-injection", ShieldSeverity.High, 400, "Server-side template injection: template expressions evaluated by a template engine.");

    /// <summary>LDAP filter injection.</summary>
    public static ShieldRule LdapInjection { get; } = new(1007, "ldap-injection", ShieldSeverity.High, 400, "LDAP injection: filter metacharacters that change an LDAP query.");

    /// <summary>XML external entity declarations.</summary>
    public static ShieldRule XmlExternalEntity { get; } = new(1008, "xml-external-entity", ShieldSeverity.High, 400, "XML external entity: DOCTYPE or ENTITY declarations in an XML-bearing value.");

    /// <summary>JNDI lookups (Log4Shell), including nested and obfuscated forms.</summary>
    public static ShieldRule JndiLookup { get; } = new(1009, "jndi-lookup", ShieldSeverity.Critical, 400, "JNDI lookup: ${jndi:...} expressions, including nested and obfuscated forms.");

    /// <summary>CRLF, header and log injection.</summary>
    public static ShieldRule CrlfInjection { get; } = new(1010, "crlf-injection", ShieldSeverity.Medium, 400, "CRLF injection: line breaks that forge headers or log entries.");

    /// <summary>Server-side request forgery to metadata, loopback, link-local and private addresses.</summary>
    public static ShieldRule ServerSideRequestForgery { get; } = new(1011, "server-side-request-forgery", ShieldSeverity.High, 400, "SSRF: URLs to cloud metadata endpoints, loopback, link-local or private addresses in any notation.");

    /// <summary>The payload is larger than the configured maximum.</summary>
    public static ShieldRule PayloadTooLarge { get; } = new(2001, "payload-too-large", ShieldSeverity.Medium, 413, "The payload is larger than the configured maximum.");

    /// <summary>JSON nesting is deeper than the configured maximum.</summary>
    public static ShieldRule JsonTooDeep { get; } = new(2002, "json-too-deep", ShieldSeverity.Medium, 400, "JSON nesting is deeper than the configured maximum.");

    /// <summary>A payload declared or detected as JSON does not parse.</summary>
    public static ShieldRule InvalidJson { get; } = new(2003, "invalid-json", ShieldSeverity.Low, 400, "A payload declared as JSON does not parse.");

    /// <summary>A JSON object has more keys than the configured maximum.</summary>
    public static ShieldRule TooManyKeys { get; } = new(2004, "too-many-keys", ShieldSeverity.Medium, 400, "A JSON object has more keys than the configured maximum.");

    /// <summary>A JSON array is longer than the configured maximum.</summary>
    public static ShieldRule ArrayTooLong { get; } = new(2005, "array-too-long", ShieldSeverity.Medium, 400, "A JSON array is longer than the configured maximum.");

    /// <summary>A string value is longer than the configured maximum.</summary>
    public static ShieldRule StringTooLong { get; } = new(2006, "string-too-long", ShieldSeverity.Medium, 400, "A string value is longer than the configured maximum.");

    /// <summary>A JSON number has more characters than the configured maximum.</summary>
    public static ShieldRule NumberTooLong { get; } = new(2007, "number-too-long", ShieldSeverity.Medium, 400, "A JSON number has more characters than the configured maximum.");

    /// <summary>A JSON object repeats a key, which parsers resolve differently (first wins, last wins).</summary>
    public static ShieldRule DuplicateKey { get; } = new(2008, "duplicate-key", ShieldSeverity.Medium, 400, "A JSON object repeats a key; parsers disagree on which value wins.");

    /// <summary>The payload is not valid UTF-8.</summary>
    public static ShieldRule InvalidUtf8 { get; } = new(2009, "invalid-utf8", ShieldSeverity.Medium, 400, "The payload is not valid UTF-8 (including overlong and surrogate encodings).");

    /// <summary>A JSON string escapes a lone UTF-16 surrogate.</summary>
    public static ShieldRule LoneSurrogate { get; } = new(2010, "lone-surrogate", ShieldSeverity.Medium, 400, "A JSON string escapes a lone UTF-16 surrogate, which no text can contain.");

    /// <summary>A value contains a NUL character, which truncates strings in C libraries and file APIs.</summary>
    public static ShieldRule NulCharacter { get; } = new(2011, "nul-character", ShieldSeverity.Medium, 400, "A value contains a NUL character, which truncates strings in native code and file APIs.");

    /// <summary>The payload decodes (base64, gzip) to more than the configured maximum.</summary>
    public static ShieldRule DecodedTooLarge { get; } = new(2012, "decoded-too-large", ShieldSeverity.Medium, 413, "An encoded payload (base64, gzip) decodes to more than the configured maximum.");

    /// <summary>An unhandled exception was turned into a generic error.</summary>
    public static ShieldRule UnhandledException { get; } = new(3001, "unhandled-exception", ShieldSeverity.Medium, 500, "An unhandled exception was redacted into a generic error.");

    /// <summary>The shield itself failed while inspecting an invocation.</summary>
    public static ShieldRule ShieldFailure { get; } = new(3002, "shield-failure", ShieldSeverity.High, 500, "The shield itself failed while inspecting an invocation.");

    /// <summary>Error details were asked for where they must not be shown (not Development, or in the cloud); they stay off.</summary>
    public static ShieldRule DevelopmentModeRefused { get; } = new(4001, "development-mode-refused", ShieldSeverity.High, 500, "Error details were requested outside a local Development environment and were refused.");

    /// <summary>The environment name is Development while the process runs in the cloud.</summary>
    public static ShieldRule DevelopmentEnvironmentInCloud { get; } = new(4002, "development-environment-in-cloud", ShieldSeverity.High, 500, "The environment is Development (AZURE_FUNCTIONS_ENVIRONMENT, DOTNET_ENVIRONMENT or ASPNETCORE_ENVIRONMENT) in the cloud.");

    /// <summary>Detailed error pages or messages are switched on in the cloud.</summary>
    public static ShieldRule DetailedErrorsInCloud { get; } = new(4003, "detailed-errors-in-cloud", ShieldSeverity.High, 500, "Detailed errors (ASPNETCORE_DETAILEDERRORS) are switched on in the cloud.");

    /// <summary>The shield runs in the Monitor profile in production: nothing is blocked.</summary>
    public static ShieldRule MonitorProfileInProduction { get; } = new(4004, "monitor-profile-in-production", ShieldSeverity.Medium, 500, "The shield runs in the Monitor profile in production, so it blocks nothing.");

    /// <summary>A setting holds a secret in plain text: a connection string with a key or password.</summary>
    public static ShieldRule PlaintextSecretInSetting { get; } = new(4005, "plaintext-secret-in-setting", ShieldSeverity.High, 500, "A setting holds a connection string with AccountKey, SharedAccessKey or Password (or a URL with a password) in plain text.");

    /// <summary>A setting holds a long-term AWS access key (AKIA...), where Lambda provides temporary credentials.</summary>
    public static ShieldRule LongTermAwsAccessKey { get; } = new(4006, "long-term-aws-access-key", ShieldSeverity.Critical, 500, "A setting holds a long-term AWS access key id (AKIA...) instead of the role's temporary credentials.");

    /// <summary>An HTTP function accepts anonymous callers without an explicit allowance.</summary>
    public static ShieldRule AnonymousHttpFunction { get; } = new(4007, "anonymous-http-function", ShieldSeverity.Medium, 500, "An HTTP function accepts anonymous callers (authLevel anonymous, AuthType NONE) without an explicit allowance.");

    /// <summary>CORS allows every origin.</summary>
    public static ShieldRule WildcardCors { get; } = new(4008, "wildcard-cors", ShieldSeverity.Medium, 500, "CORS allows every origin (*).");

    /// <summary>A runtime debugging or diagnostics switch is on in the cloud.</summary>
    public static ShieldRule DebugSwitchEnabled { get; } = new(4009, "debug-switch-enabled", ShieldSeverity.Medium, 500, "A debugging or diagnostics switch (DOTNET_DiagnosticPorts, EnableEventPipe, DbgEnableMiniDump, Trace logging) is on in the cloud.");

    /// <summary>A setting holds a private key in plain text.</summary>
    public static ShieldRule PrivateKeyInSetting { get; } = new(4010, "private-key-in-setting", ShieldSeverity.Critical, 500, "A setting holds a PEM private key in plain text.");

    /// <summary>A function called a host outside its egress allowlist.</summary>
    public static ShieldRule EgressHostNotAllowed { get; } = new(5201, "egress-host-not-allowed", ShieldSeverity.High, 500, "A function made an outbound HTTP call to a host outside its allowlist.");

    /// <summary>The observed-capabilities report: hosts contacted and event sources seen, per function.</summary>
    public static ShieldRule ObservedCapabilities { get; } = new(5202, "observed-capabilities", ShieldSeverity.Informational, 200, "Report of the hosts each function called and the event sources that invoked it, for least-privilege reviews.");

    /// <summary>An SNS message's signature does not verify (or its certificate URL is not an SNS host).</summary>
    public static ShieldRule SnsSignatureInvalid { get; } = new(5301, "sns-signature-invalid", ShieldSeverity.High, 401, "An SNS message's signature does not verify, or its signing certificate is not on an sns.<region>.amazonaws.com https URL.");

    /// <summary>A webhook's HMAC signature is missing or does not match the body.</summary>
    public static ShieldRule WebhookSignatureInvalid { get; } = new(5302, "webhook-signature-invalid", ShieldSeverity.High, 401, "A webhook's HMAC signature (GitHub, Stripe or configured scheme) is missing or does not match the body.");

    /// <summary>A signed webhook's timestamp is outside the tolerance: a replay, or a badly skewed clock.</summary>
    public static ShieldRule WebhookTimestampOutOfTolerance { get; } = new(5303, "webhook-timestamp-out-of-tolerance", ShieldSeverity.Medium, 401, "A signed webhook's timestamp is further from now than the tolerance (a replayed message).");

    /// <summary>The cold-start dependency inventory: packages from deps.json and loaded assemblies.</summary>
    public static ShieldRule DependencyInventory { get; } = new(5401, "dependency-inventory", ShieldSeverity.Informational, 200, "Inventory of the application's packages (deps.json) and loaded assemblies, written once at cold start.");

    /// <summary>A package of the application is affected by an advisory of the configured OSV file.</summary>
    public static ShieldRule VulnerableDependency { get; } = new(5402, "vulnerable-dependency", ShieldSeverity.High, 500, "A package of the application is in an affected version range of an advisory in the configured OSV file.");

    /// <summary>The payload failed the function's typed validation.</summary>
    public static ShieldRule ValidationFailed { get; } = new(6001, "validation-failed", ShieldSeverity.Low, 422, "The payload failed the function's typed validation (field names and rule codes are reported, never values).");

    /// <summary>A string value broke a constraint configured for its field (length, pattern or allowed values).</summary>
    public static ShieldRule FieldConstraint { get; } = new(6002, "field-constraint", ShieldSeverity.Low, 400, "A field's value broke a constraint configured for that field: its maximum length, its pattern or its allowed values (the code says which; the value is never reported).");

    /// <summary>Every built-in rule, in id order.</summary>
    public static IReadOnlyList<ShieldRule> All { get; } =
    [
        SqlInjection, NoSqlInjection, CrossSiteScripting, CommandInjection, PathTraversal, TemplateInjection,
        LdapInjection, XmlExternalEntity, JndiLookup, CrlfInjection, ServerSideRequestForgery,
        PayloadTooLarge, JsonTooDeep, InvalidJson, TooManyKeys, ArrayTooLong, StringTooLong, NumberTooLong,
        DuplicateKey, InvalidUtf8, LoneSurrogate, NulCharacter, DecodedTooLarge, UnhandledException, ShieldFailure,
        DevelopmentModeRefused, DevelopmentEnvironmentInCloud, DetailedErrorsInCloud, MonitorProfileInProduction,
        PlaintextSecretInSetting, LongTermAwsAccessKey, AnonymousHttpFunction, WildcardCors, DebugSwitchEnabled, PrivateKeyInSetting,
        EgressHostNotAllowed, ObservedCapabilities, SnsSignatureInvalid, WebhookSignatureInvalid, WebhookTimestampOutOfTolerance,
        DependencyInventory, VulnerableDependency, ValidationFailed, FieldConstraint,
    ];
}
