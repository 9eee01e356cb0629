using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Vouch.Web;

/// <summary>The problem details the API answers expected failures with.</summary>
public static class Problems
{
    public static Conflict<ProblemDetails> Conflict(string title, string detail) =>
        TypedResults.Conflict(new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = title, Detail = detail });

    public static NotFound<ProblemDetails> NotFound(string what) =>
        TypedResults.NotFound(new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = $"{what} was not found." });

    public static Conflict<ProblemDetails> StaleVersion() =>
        Conflict("The record was changed by someone else.", "Reload it, reapply your change and save again with the new version.");
}
