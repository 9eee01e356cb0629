namespace Vouch.Commands;

/// <summary>The kinds of refusal every capability shares; the API and the pages each map them in one place.</summary>
public enum RefusalKind
{
    /// <summary>The input is wrong, field by field.</summary>
    Invalid,

    /// <summary>The record is not there, or the caller may not know it is.</summary>
    NotFound,

    /// <summary>The record's state, or someone else's change, forbids it now.</summary>
    Conflict,

    /// <summary>The caller may see the record but not do this to it.</summary>
    Forbidden,

    /// <summary>What was sent is larger than allowed.</summary>
    TooLarge,
}

/// <summary>
/// Why a command changed nothing: a kind, a title a person can read, and for invalid input the errors of each field.
/// Services return it as a value; they never name an HTTP status.
/// </summary>
public sealed record Refusal(RefusalKind Kind, string Title, string? Detail = null, IDictionary<string, string[]>? Errors = null)
{
    public const string InvalidTitle = "One or more validation errors occurred.";

    /// <summary>Another save changed the record since the caller read it.</summary>
    public static readonly Refusal StaleVersion =
        Conflict("The record was changed by someone else.", "Reload it, reapply your change and save again with the new version.");

    /// <param name="what">The record as a sentence starts it: "The account".</param>
    public static Refusal NotFound(string what) => new(RefusalKind.NotFound, $"{what} was not found.");

    public static Refusal Conflict(string title, string detail) => new(RefusalKind.Conflict, title, detail);

    public static Refusal Forbidden(string title, string? detail = null) => new(RefusalKind.Forbidden, title, detail);

    public static Refusal TooLarge(string title, string detail) => new(RefusalKind.TooLarge, title, detail);

    public static Refusal Invalid(ValidationErrors errors) => new(RefusalKind.Invalid, InvalidTitle, Errors: errors.ToDictionary());

    public static Refusal Invalid(string field, string message)
    {
        var errors = new ValidationErrors();
        errors.Add(field, message);
        return Invalid(errors);
    }

    /// <summary>One sentence or more for a page's notice.</summary>
    public string Message => Errors is not null
        ? string.Join(" ", Errors.SelectMany(e => e.Value))
        : Detail is null ? Title : $"{Title} {Detail}";
}
