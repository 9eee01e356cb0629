using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Vouch.Web;

namespace Vouch.Features.Find;

public static class FindEndpoints
{
    public static RouteGroupBuilder MapFind(this RouteGroupBuilder api)
    {
        api.MapGet("/find", Find)
            .WithTags("Find").WithName("Find")
            .WithSummary("Find accounts, contacts, requests, content and ideas by a part of their name.")
            .WithDescription(
                $"A group per kind the caller may see, each with at most {Finder.ListShows} records in the order of its list and whether there are more. " +
                $"An empty q finds nothing; a q longer than {PageQuery.MaxQueryLength} characters is refused.")
            .RequireAuthorization(FindModule.FindRecords);
        return api;
    }

    private static async Task<Results<Ok<FindResponse>, ValidationProblem>> Find([FromQuery] string? q, Finder finder, CancellationToken ct)
    {
        var errors = Finder.Validate(q);
        return errors.IsEmpty ? TypedResults.Ok(await finder.FindAsync(q, Finder.ListShows, ct)) : errors.ToProblem();
    }
}
