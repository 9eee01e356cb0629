using Microsoft.AspNetCore.Http.HttpResults;
using Vouch.Auth;
using Vouch.Hosting;
using Vouch.Web;

namespace Vouch.Features.Digest;

/// <summary>The monthly advocate digest: previewed by the reference team, sent through the outbox.</summary>
public sealed class DigestModule : ICapabilityModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DigestOptions>().BindConfiguration("Digest")
            .Validate(o => o.CheckEvery >= TimeSpan.FromSeconds(1), "Digest:CheckEvery must be a second or more.")
            .ValidateOnStart();
        services.AddScoped<AdvocateDigests>();
        // Without email configured, each round finds nothing to send.
        if (configuration.GetValue<bool>("Digest:Enabled"))
        {
            services.AddHostedService<DigestSchedule>();
        }
    }

    public void MapEndpoints(RouteGroupBuilder api) =>
        api.MapGet("/contacts/{id:guid}/digest", Preview).RequireAuthorization(Policies.ManageInventory).WithTags("Portal")
            .WithName("PreviewDigest").WithSummary("The monthly digest the contact would get now: subject, text and HTML.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<DigestLetter>, ValidationProblem, ProblemHttpResult>> Preview(Guid id, AdvocateDigests digests, CancellationToken ct) =>
        (await digests.PreviewAsync(id, ct)).OrNotFound("The contact").ToApi(TypedResults.Ok);
}
