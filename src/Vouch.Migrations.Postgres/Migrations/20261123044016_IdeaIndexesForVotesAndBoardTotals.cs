using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vouch.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class IdeaIndexesForVotesAndBoardTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IdeaVotes_AccountId",
                table: "IdeaVotes");

            migrationBuilder.DropIndex(
                name: "IX_IdeaVotes_IdeaId_AccountId",
                table: "IdeaVotes");

            migrationBuilder.DropIndex(
                name: "IX_IdeaVotes_MergedFromIdeaId",
                table: "IdeaVotes");

            migrationBuilder.DropIndex(
                name: "IX_Ideas_MergedIntoId",
                table: "Ideas");

            migrationBuilder.CreateIndex(
                name: "IX_IdeaVotes_AccountId",
                table: "IdeaVotes",
                column: "AccountId",
                filter: "\"AccountId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_IdeaVotes_IdeaId_AccountId",
                table: "IdeaVotes",
                columns: new[] { "IdeaId", "AccountId" },
                filter: "\"AccountId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_IdeaVotes_MergedFromIdeaId",
                table: "IdeaVotes",
                column: "MergedFromIdeaId",
                filter: "\"MergedFromIdeaId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_MergedIntoId_IsHidden",
                table: "Ideas",
                columns: new[] { "MergedIntoId", "IsHidden" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IdeaVotes_AccountId",
                table: "IdeaVotes");

            migrationBuilder.DropIndex(
                name: "IX_IdeaVotes_IdeaId_AccountId",
                table: "IdeaVotes");

            migrationBuilder.DropIndex(
                name: "IX_IdeaVotes_MergedFromIdeaId",
                table: "IdeaVotes");

            migrationBuilder.DropIndex(
                name: "IX_Ideas_MergedIntoId_IsHidden",
                table: "Ideas");

            migrationBuilder.CreateIndex(
                name: "IX_IdeaVotes_AccountId",
                table: "IdeaVotes",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_IdeaVotes_IdeaId_AccountId",
                table: "IdeaVotes",
                columns: new[] { "IdeaId", "AccountId" });

            migrationBuilder.CreateIndex(
                name: "IX_IdeaVotes_MergedFromIdeaId",
                table: "IdeaVotes",
                column: "MergedFromIdeaId");

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_MergedIntoId",
                table: "Ideas",
                column: "MergedIntoId");
        }
    }
}
