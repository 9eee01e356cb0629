using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Vouch.Web;

/// <summary>
/// The one mapping of a <see cref="Refusal"/> to RFC 9457 problem details for the API: a refusal of invalid input names
/// each field; every other kind is a problem with a title and a detail. Pages answer refusals through
/// <see cref="FormPosts"/>, with what model binding refused named as the API names it (<see cref="BindingErrors"/>).
/// </summary>
public static class CommandResults
{
    public static int StatusCode(this RefusalKind kind) => kind switch
    {
        RefusalKind.Invalid => StatusCodes.Status400BadRequest,
        RefusalKind.NotFound => StatusCodes.Status404NotFound,
        RefusalKind.Conflict => StatusCodes.Status409Conflict,
        RefusalKind.Forbidden => StatusCodes.Status403Forbidden,
        RefusalKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static ValidationProblem ToProblem(this ValidationErrors errors) => TypedResults.ValidationProblem(errors.ToDictionary());

    /// <summary>The API's answer to a command: <paramref name="ok"/> of its value, or the refusal as a problem.</summary>
    public static Results<TOk, ValidationProblem, ProblemHttpResult> ToApi<T, TOk>(this CommandResult<T> result, Func<T, TOk> ok)
        where TOk : IResult =>
        result.Succeeded ? ok(result.Value) : Answer<TOk>(result.Refusal);

    public static Results<TOk, ValidationProblem, ProblemHttpResult> ToApi<TOk>(this CommandResult result, Func<TOk> ok)
        where TOk : IResult =>
        result.Succeeded ? ok() : Answer<TOk>(result.Refusal);

    private static Results<TOk, ValidationProblem, ProblemHttpResult> Answer<TOk>(Refusal refusal) where TOk : IResult =>
        refusal is { Kind: RefusalKind.Invalid, Errors: { } errors }
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Problem(statusCode: refusal.Kind.StatusCode(), title: refusal.Title, detail: refusal.Detail);

    /// <summary>
    /// What model binding refused on a page's form, named as the API names the field ("Form.Employees" is
    /// "employees"), so that a page and the API say the same thing.
    /// </summary>
    public static ValidationErrors BindingErrors(this ModelStateDictionary modelState, string prefix = "Form")
    {
        var errors = new ValidationErrors();
        foreach (var (key, entry) in modelState.Where(e => e.Value is { Errors.Count: > 0 }))
        {
            var field = key.StartsWith(prefix + ".", StringComparison.Ordinal) ? key[(prefix.Length + 1)..] : key;
            field = field.Length > 0 ? char.ToLowerInvariant(field[0]) + field[1..] : field;
            errors.Add(field, $"{field}: '{entry?.AttemptedValue}' is not valid here.");
        }
        return errors;
    }
}
