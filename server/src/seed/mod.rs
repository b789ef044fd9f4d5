pub async fn seed_demo_province(_p: &sqlx::SqlitePool) -> Result<bool, crate::error::AppError> {
    Ok(false)
}
