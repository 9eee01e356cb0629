namespace Vouch.Commands;

/// <summary>
/// The one way Vouch reads an enum from text: by name, in any casing. Numbers are refused ("3" is not a segment,
/// though <see cref="Enum.TryParse{TEnum}(string?, bool, out TEnum)"/> takes it), and so is any undefined value.
/// </summary>
public static class EnumText
{
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var trimmed = text.Trim();
        return !char.IsAsciiDigit(trimmed[0]) && trimmed[0] is not ('-' or '+')
            && Enum.TryParse(trimmed, ignoreCase: true, out value) && Enum.IsDefined(value);
    }

    /// <summary>The value of <typeparamref name="T"/> named, or null for nothing or a name it does not have.</summary>
    public static T? ParseOrNull<T>(string? text) where T : struct, Enum => TryParse<T>(text, out var value) ? value : null;

    /// <summary>
    /// An optional field: null when empty, the value when known, and otherwise null with an error naming the field
    /// and the values it takes.
    /// </summary>
    public static T? Optional<T>(string? text, string field, ValidationErrors errors) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (TryParse<T>(text, out var value))
        {
            return value;
        }
        errors.Add(field, MustBeOneOf<T>(field));
        return null;
    }

    public static string MustBeOneOf<T>(string field) where T : struct, Enum => $"{field} must be one of {Names<T>()}.";

    public static string Names<T>() where T : struct, Enum => string.Join(", ", Enum.GetNames<T>());
}
