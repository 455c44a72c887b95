namespace ServerlessShield;

/// <summary>The family a rule belongs to; the thousands digit of its id.</summary>
public enum ShieldRuleCategory
{
    /// <summary>Event-data injection (<c>SHIELD1xxx</c>).</summary>
    Injection = 1,

    /// <summary>Payload limits and malformed data (<c>SHIELD2xxx</c>).</summary>
    Limits = 2,

    /// <summary>Errors and their redaction (<c>SHIELD3xxx</c>).</summary>
    Error = 3,

    /// <summary>Insecure configuration (<c>SHIELD4xxx</c>).</summary>
    Configuration = 4,

    /// <summary>Provenance, authenticity and egress (<c>SHIELD5xxx</c>).</summary>
    Provenance = 5,

    /// <summary>Typed validation (<c>SHIELD6xxx</c>).</summary>
    Validation = 6,
}
