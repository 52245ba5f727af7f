"""„Mein Code“: a Nutzer:in who chose a personal code comes back with it to see, change or delete
their answers. Only a keyed hash of the code is stored; the code is entered by POST only, never
in a URL or a log; wrong tries are limited."""
