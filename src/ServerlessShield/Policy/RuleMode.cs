namespace ServerlessShield;

/// <summary>What a rule does when it fires.</summary>
public enum RuleMode
{
    /// <summary>Reject the invocation (or the batch record).</summary>
    Block = 0,

    /// <summary>Neutralise the offending value and let the handler run on the sanitized payload.</summary>
    Sanitize,

    /// <summary>Report only.</summary>
    Monitor,
}
