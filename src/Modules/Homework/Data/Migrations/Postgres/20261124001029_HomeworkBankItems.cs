using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduCloud.Homework.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HomeworkBankItems : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "AutoScore",
                schema: "homework",
                table: "hw_submission",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "answers",
                schema: "homework",
                table: "hw_submission",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "AutoPoints",
                schema: "homework",
                table: "hw_assignment",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<string>(
                name: "items",
                schema: "homework",
                table: "hw_assignment",
                type: "jsonb",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AutoScore",
                schema: "homework",
                table: "hw_submission");

            migrationBuilder.DropColumn(
                name: "answers",
                schema: "homework",
                table: "hw_submission");

            migrationBuilder.DropColumn(
                name: "AutoPoints",
                schema: "homework",
                table: "hw_assignment");

            migrationBuilder.DropColumn(
                name: "items",
                schema: "homework",
                table: "hw_assignment");
        }
    }
}
