using Microsoft.AspNetCore.Mvc.RazorPages;
using Vouch.Auth;

namespace Vouch.Features.Tokens;

public sealed class IndexModel(AccessTokens tokens, CurrentUser user) : PageModel
{
    public IReadOnlyList<AccessTokenResponse> Tokens { get; private set; } = [];
    public CreatedAccessToken? Created { get; private set; }
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task OnGetAsync(CancellationToken ct) => Tokens = await tokens.ListAsync(user.Id, ct);

    public async Task OnPostCreateAsync(string? name, int? expiresInDays, CancellationToken ct)
    {
        var created = await tokens.CreateAsync(user.Id, name, expiresInDays, ct);
        (Created, Errors) = (created.Value, created.Refusal?.Errors ?? new Dictionary<string, string[]>());
        Tokens = await tokens.ListAsync(user.Id, ct);
    }

    public async Task OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        // Revoking someone else's token, or one gone, changes nothing: the list shows what is left.
        await tokens.RevokeAsync(user.Id, id, ct);
        Tokens = await tokens.ListAsync(user.Id, ct);
    }
}
