-- Removes one line of a cart; a cart left without lines is deleted. Removing a line that is not there changes
-- nothing (not even the expiry), so the request can be repeated safely.
-- KEYS[1]: the cart hash; ARGV: sku, idle ttl in millis, now in epoch millis
-- Returns the whole cart as the removal left it, as HGETALL does.
local cart = KEYS[1]
if redis.call('HDEL', cart, ARGV[1]) == 1 then
    if redis.call('HLEN', cart) - redis.call('HEXISTS', cart, '@updatedAt') == 0 then
        redis.call('DEL', cart)
        return {}
    end
    redis.call('HSET', cart, '@updatedAt', ARGV[3])
    redis.call('PEXPIRE', cart, ARGV[2])
end
return redis.call('HGETALL', cart)
