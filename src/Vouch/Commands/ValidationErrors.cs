namespace Vouch.Commands;

/// <summary>Collects what is wrong with a request, field by field, for a validation problem.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }
        messages.Add(message);
    }

    /// <summary>Adds an error when <paramref name="value"/> is missing or longer than <paramref name="maxLength"/>.</summary>
    public void Required(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"{field} is required.");
        }
        else
        {
            MaxLength(field, value, maxLength);
        }
    }

    public void MaxLength(string field, string? value, int maxLength)
    {
        if (value?.Length > maxLength)
        {
            Add(field, $"{field} must be at most {maxLength} characters.");
        }
    }

    public IDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
}
