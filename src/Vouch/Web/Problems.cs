using Microsoft.AspNetCore.Http.HttpResults;

namespace Vouch.Web;

/// <summary>The problem details the API answers expected failures with.</summary>
public static class Problems
{
    public static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"{what} was not found.");

    public static ProblemHttpResult StaleVersion() =>
        Conflict("The record was changed by someone else.", "Reload it, reapply your change and save again with the new version.");
}
