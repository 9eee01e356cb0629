using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vouch.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddReferralLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Referral_AccountId",
                table: "Referral");

            migrationBuilder.AddColumn<Guid>(
                name: "OpportunityId",
                table: "Referral",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MergedReferral",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReferralId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReferredById = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedById = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MergedReferral", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MergedReferral_AspNetUsers_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_MergedReferral_Contacts_ReferredById",
                        column: x => x.ReferredById,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MergedReferral_Referral_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referral",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReferralMove",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReferralId = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ById = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferralMove", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReferralMove_AspNetUsers_ById",
                        column: x => x.ById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ReferralMove_Referral_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referral",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Referral_AccountId_CreatedAt",
                table: "Referral",
                columns: new[] { "AccountId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Referral_OpportunityId",
                table: "Referral",
                column: "OpportunityId");

            migrationBuilder.CreateIndex(
                name: "IX_Referral_Status_CreatedAt",
                table: "Referral",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MergedReferral_RecordedById",
                table: "MergedReferral",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_MergedReferral_ReferralId",
                table: "MergedReferral",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_MergedReferral_ReferredById",
                table: "MergedReferral",
                column: "ReferredById");

            migrationBuilder.CreateIndex(
                name: "IX_ReferralMove_ById",
                table: "ReferralMove",
                column: "ById");

            migrationBuilder.CreateIndex(
                name: "IX_ReferralMove_ReferralId_At",
                table: "ReferralMove",
                columns: new[] { "ReferralId", "At" });

            migrationBuilder.AddForeignKey(
                name: "FK_Referral_Opportunities_OpportunityId",
                table: "Referral",
                column: "OpportunityId",
                principalTable: "Opportunities",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Referral_Opportunities_OpportunityId",
                table: "Referral");

            migrationBuilder.DropTable(
                name: "MergedReferral");

            migrationBuilder.DropTable(
                name: "ReferralMove");

            migrationBuilder.DropIndex(
                name: "IX_Referral_AccountId_CreatedAt",
                table: "Referral");

            migrationBuilder.DropIndex(
                name: "IX_Referral_OpportunityId",
                table: "Referral");

            migrationBuilder.DropIndex(
                name: "IX_Referral_Status_CreatedAt",
                table: "Referral");

            migrationBuilder.DropColumn(
                name: "OpportunityId",
                table: "Referral");

            migrationBuilder.CreateIndex(
                name: "IX_Referral_AccountId",
                table: "Referral",
                column: "AccountId");
        }
    }
}
