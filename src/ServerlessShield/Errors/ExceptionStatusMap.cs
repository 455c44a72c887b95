
namespace ServerlessShield;

// Maps exception types to HTTP statuses by name, so the core needs no reference to FluentValidation or a web
// framework to know that their validation exceptions mean 400. Unknown types are 500.
internal sealed class ExceptionStatusMap
{
    private static readonly Dictionary<string, int> Defaults = new(StringComparer.Ordinal)
    {
        ["ValidationException"] = 400,
        ["UnauthorizedAccessException"] = 403,
        ["AuthenticationException"] = 401,
        ["NotFoundException"] = 404,
        ["TimeoutException"] = 504,
    };

    private readonly Dictionary<string, int> _statuses;

    public ExceptionStatusMap(IReadOnlyDictionary<string, int>? overrides)
    {
        var all = new Dictionary<string, int>(Defaults, StringComparer.Ordinal);
        foreach (var (name, status) in overrides ?? new Dictionary<string, int>())
        {
            all[name] = status;
        }

        _statuses = all;
    }

    public int StatusFor(Exception exception)
    {
        for (var type = exception.GetType(); type is not null && type != typeof(object); type = type.BaseType)
        {
            if ((type.FullName is { } full && _statuses.TryGetValue(full, out var status)) || _statuses.TryGetValue(type.Name, out status))
            {
                return status;
            }
        }

        return 500;
    }
}
