using Microsoft.AspNetCore.Mvc.RazorPages;
using Vouch.Features.Users;

namespace Vouch.Features.Tokens;

public sealed class IndexModel(AccessTokens tokens) : PageModel
{
    public IReadOnlyList<AccessTokenResponse> Tokens { get; private set; } = [];
    public CreatedAccessToken? Created { get; private set; }
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task OnGetAsync(CancellationToken ct) => Tokens = await tokens.ListAsync(User.UserId(), ct);

    public async Task OnPostCreateAsync(string? name, int? expiresInDays, CancellationToken ct)
    {
        var (created, errors) = await tokens.CreateAsync(User.UserId(), name, expiresInDays, ct);
        (Created, Errors) = (created, errors.ToDictionary());
        Tokens = await tokens.ListAsync(User.UserId(), ct);
    }

    public async Task OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        await tokens.RevokeAsync(User.UserId(), id, ct);
        Tokens = await tokens.ListAsync(User.UserId(), ct);
    }
}
