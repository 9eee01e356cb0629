using Microsoft.AspNetCore.Http.HttpResults;

namespace Vouch.Features.Ideas;

/// <summary>
/// Why the idea exchange refused a request, and nothing changed: field errors (400), an idea that is not there (404),
/// or one whose state forbids it (409). The API answers it as a problem; the pages show <see cref="Message"/>.
/// </summary>
public sealed record Refusal(int Status, string Title, string? Detail = null, IDictionary<string, string[]>? Errors = null)
{
    public static readonly Refusal NotFound = new(StatusCodes.Status404NotFound, "The idea was not found.");

    public static Refusal Conflict(string title, string detail) => new(StatusCodes.Status409Conflict, title, detail);

    public static Refusal Invalid(ValidationErrors errors) =>
        new(StatusCodes.Status400BadRequest, "One or more validation errors occurred.", Errors: errors.ToDictionary());

    public static Refusal Invalid(string field, string message)
    {
        var errors = new ValidationErrors();
        errors.Add(field, message);
        return Invalid(errors);
    }

    public string Message => Errors is not null
        ? string.Join(" ", Errors.SelectMany(e => e.Value))
        : Detail is null ? Title : $"{Title} {Detail}";

    /// <summary>The API's answer: <paramref name="ok"/> when nothing was refused.</summary>
    public static Results<TOk, ValidationProblem, ProblemHttpResult> Answer<TOk>(Refusal? refusal, Func<TOk> ok) where TOk : IResult
    {
        if (refusal is null)
        {
            return ok();
        }
        if (refusal.Errors is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return TypedResults.Problem(statusCode: refusal.Status, title: refusal.Title, detail: refusal.Detail);
    }
}
