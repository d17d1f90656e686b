using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduCloud.Records.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LinksWithoutKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_rec_statement_link",
                table: "rec_statement_link");

            migrationBuilder.DropIndex(
                name: "IX_rec_statement_link_Kind_Key_Stored",
                table: "rec_statement_link");

            migrationBuilder.DropIndex(
                name: "IX_rec_statement_link_StatementId",
                table: "rec_statement_link");

            migrationBuilder.DropColumn(
                name: "Id",
                table: "rec_statement_link");

            migrationBuilder.CreateIndex(
                name: "IX_rec_statement_link_Kind_Key_Stored_StatementId_Primary",
                table: "rec_statement_link",
                columns: new[] { "Kind", "Key", "Stored", "StatementId", "Primary" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_rec_statement_link_Kind_Key_Stored_StatementId_Primary",
                table: "rec_statement_link");

            migrationBuilder.AddColumn<long>(
                name: "Id",
                table: "rec_statement_link",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L)
                .Annotation("Sqlite:Autoincrement", true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_rec_statement_link",
                table: "rec_statement_link",
                column: "Id");

            migrationBuilder.CreateIndex(
                name: "IX_rec_statement_link_Kind_Key_Stored",
                table: "rec_statement_link",
                columns: new[] { "Kind", "Key", "Stored" });

            migrationBuilder.CreateIndex(
                name: "IX_rec_statement_link_StatementId",
                table: "rec_statement_link",
                column: "StatementId");
        }
    }
}
